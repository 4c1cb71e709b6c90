"""Helpers of older pum releases that hooks still import (pum.utils.execute_sql)."""
