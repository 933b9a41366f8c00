-- A kill switch's decision names its entity ("ENTITY_KILLED <code>"): entity codes administered since
-- V30 go up to 32 characters, so the decision needs more than the 32 it had.
alter table project_decision alter column decision type varchar(64);
