import pkg_resources
import psycopg

from pum.core.deltapy import DeltaPy


class PreAll(DeltaPy):
    def run(self):
        pum_version = pkg_resources.get_distribution("pum").version
        if pkg_resources.parse_version(pum_version) < pkg_resources.parse_version("0.10.0"):
            raise RuntimeError("pum >= 0.10.0 is needed")
        with psycopg.connect(service=self.pg_service) as conn:
            conn.execute("DROP VIEW IF EXISTS public.v")
        self.write_message(f"pum {pum_version}, views dropped")
