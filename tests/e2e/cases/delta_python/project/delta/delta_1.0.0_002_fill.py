import psycopg

from pum.core.deltapy import DeltaPy


class Fill(DeltaPy):
    def run(self):
        # Its own connection: it sees what the delta before it committed.
        with psycopg.connect(service=self.pg_service) as conn:
            (count,) = conn.execute("SELECT count(*) FROM public.t").fetchone()
            conn.execute("INSERT INTO public.t VALUES (%s, %s)", (count + 100, self.delta_dir))
        self.write_message(
            f"{count} row(s) seen at version {self.current_db_version}, "
            f"dirs {self.delta_dirs}, table {self.upgrades_table}, variables {self.variables}"
        )
