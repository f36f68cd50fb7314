-- PostgreSQL only, before V1: the large types V1 names.
--
-- V1 was written for H2, whose CLOB and BLOB hold text and bytes of any size. PostgreSQL's types for
-- the same are TEXT and BYTEA; it has no CLOB or BLOB. V1 cannot be edited to say TEXT and BYTEA (in H2,
-- BYTEA is VARBINARY, kept in the row rather than as a large object, and Flyway checks V1's text
-- against the checksum stored in every existing database), so here the two names become domains over
-- PostgreSQL's types. The JDBC calls the store uses (setString/getString, setBytes/getBytes) work on
-- both. Later migrations use VARCHAR for text and need no such help.
CREATE DOMAIN clob AS TEXT;
CREATE DOMAIN blob AS BYTEA;
