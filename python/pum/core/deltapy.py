"""The base class of pum 0.x Python deltas.

A delta file defines a subclass and implements run(); pum instantiates every subclass found in the
file with the arguments below and calls run(). The script connects to the database itself, with
`psycopg.connect(service=self.pg_service)` or `psycopg2.connect(f"service={self.pg_service}")`:
everything pum did before it is committed.
"""

from abc import ABCMeta, abstractmethod


class DeltaPy(metaclass=ABCMeta):
    """Subclass it in a delta file and implement run()."""

    def __init__(self, current_db_version, delta_dir, delta_dirs, pg_service, upgrades_table,
                 variables: dict):
        self._current_db_version = current_db_version
        self._delta_dir = delta_dir
        self._delta_dirs = delta_dirs
        self._pg_service = pg_service
        self._upgrades_table = upgrades_table
        self._variables = variables

    @abstractmethod
    def run(self):
        """What the delta does."""

    @property
    def variables(self):
        """The -v/--var variables of the command line: {name: value} (str, int or float)."""
        return self._variables

    @property
    def current_db_version(self):
        """The version of the database when the delta runs (a packaging Version when
        available, else the text)."""
        return self._current_db_version

    @property
    def delta_dir(self):
        """The directory holding this delta file, as given on the command line, ending with the
        path separator."""
        return self._delta_dir

    @property
    def delta_dirs(self):
        """Every delta directory of the command line."""
        return self._delta_dirs

    @property
    def pg_service(self):
        """The pg_service name of the database."""
        return self._pg_service

    @property
    def upgrades_table(self):
        """The upgrades table, schema.name."""
        return self._upgrades_table

    def write_message(self, text):
        """Prints a line to pum's output, naming the class."""
        print("Message from {}: {}".format(self.__class__.__name__, text), flush=True)
