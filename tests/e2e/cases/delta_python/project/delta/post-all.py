import psycopg

from pum.core.deltapy import DeltaPy


class PostAll(DeltaPy):
    def run(self):
        srid = self.variables.get("SRID")
        if srid is None:
            raise RuntimeError("give the SRID with -v int SRID 2056")
        with psycopg.connect(service=self.pg_service) as conn:
            conn.execute(f"CREATE VIEW public.v AS SELECT * FROM public.t WHERE id <> {int(srid)}")
