import logging

import psycopg

from pum import HookBase

logger = logging.getLogger(__name__)


class Hook(HookBase):
    def run_hook(self, connection: psycopg.Connection) -> None:
        """Creates the view over the column that changelog 1.2.4 renamed."""
        logger.info("creating pum_test_app.some_view")
        self.execute(
            """
            CREATE VIEW pum_test_app.some_view AS
            SELECT id, name, created
            FROM pum_test_data.some_table
            WHERE is_active = TRUE;
            """
        )
        self.execute("DO $$ BEGIN RAISE NOTICE 'view created by a Python hook'; END $$")
