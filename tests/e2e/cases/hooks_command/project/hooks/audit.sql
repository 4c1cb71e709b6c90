INSERT INTO public.audit (event, version, environment, status)
VALUES (current_setting('pum.event'), current_setting('pum.migration_version'),
        current_setting('pum.environment'), current_setting('pum.status'));
