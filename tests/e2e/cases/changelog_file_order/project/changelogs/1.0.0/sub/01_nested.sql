files in sub-directories are not changelogs and would fail;
