this directory is not the changelogs directory of the module and is never read;
