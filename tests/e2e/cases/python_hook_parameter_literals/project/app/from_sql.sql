INSERT INTO pum_test_data.rendered VALUES ('sql', $lit${srid}|{ratio}|{label}|{enabled}|{nothing}$lit$);
