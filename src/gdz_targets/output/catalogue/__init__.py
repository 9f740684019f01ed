"""Every sentence gdz says, in English and Chinese, in one module per family; `messages` renders them."""
