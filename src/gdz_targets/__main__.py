"""`python -m gdz_targets`: the same as the `gdz` command."""

from gdz_targets.launch import main

if __name__ == "__main__":
    main()
