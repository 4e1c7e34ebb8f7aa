-- The breast_cancer data as a team keeps it: two tables of a PostgreSQL database, which
-- profiles/team.toml reads. Run from this folder, with the connection string of the database:
--   psql "$LOLPOP_PG_DSN" -v ON_ERROR_STOP=1 -f data/load_postgres.sql
-- It replaces the tables when they exist.
SET client_min_messages = warning;
BEGIN;
DROP TABLE IF EXISTS breast_cancer, breast_cancer_new;
CREATE TABLE breast_cancer (
  id integer,
  mean_radius double precision,
  mean_texture double precision,
  mean_perimeter double precision,
  mean_area double precision,
  mean_smoothness double precision,
  mean_compactness double precision,
  mean_concavity double precision,
  mean_concave_points double precision,
  mean_symmetry double precision,
  mean_fractal_dimension double precision,
  radius_error double precision,
  texture_error double precision,
  perimeter_error double precision,
  area_error double precision,
  smoothness_error double precision,
  compactness_error double precision,
  concavity_error double precision,
  concave_points_error double precision,
  symmetry_error double precision,
  fractal_dimension_error double precision,
  worst_radius double precision,
  worst_texture double precision,
  worst_perimeter double precision,
  worst_area double precision,
  worst_smoothness double precision,
  worst_compactness double precision,
  worst_concavity double precision,
  worst_concave_points double precision,
  worst_symmetry double precision,
  worst_fractal_dimension double precision,
  target integer
);
CREATE TABLE breast_cancer_new (LIKE breast_cancer);  -- the same columns: new rows, scored by predict
\copy breast_cancer FROM 'data/breast_cancer.csv' WITH (FORMAT csv, HEADER true)
\copy breast_cancer_new FROM 'data/breast_cancer_new.csv' WITH (FORMAT csv, HEADER true)
COMMIT;
