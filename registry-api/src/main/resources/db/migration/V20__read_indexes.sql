-- Indexes of the read side (GET /api/v1/blocks). Each one starts with a filter column and
-- continues with the block key (host_party, vintage, first_unit), which is the order of the list,
-- so a page reads about as many index entries as it returns, whichever filter leads. The query
-- repeats the leading filter column in its keyset condition (see BlockQueries) so that the
-- planner picks the filter's index rather than walking the primary key.
--
-- Cost on the write path: a block row that changes holder (every transfer) is not a HOT update,
-- because block_account covers account_id, so PostgreSQL adds an entry to every index of the
-- table anyway. Plain indexes below add one entry each; the partial ones only for the minority of
-- rows they cover (terminal blocks, authorized blocks). The exclusion constraint's GiST check
-- dominates the cost of a block write either way.

-- ?projectId= : public browsing per project. A project has one host, so (host_party, vintage,
-- first_unit) after project_id is the list order.
CREATE INDEX block_project ON block (project_id, host_party, vintage, first_unit);

-- ?registryId= : blocks held in a registry. An account id starts with its registry id
-- (JPN01-H00001, JPN01-RETIREMENT); queries must use the same expression, left(account_id, 5).
CREATE INDEX block_holder_registry ON block (left(account_id, 5), host_party, vintage, first_unit);

-- ?status=CANCELLED|RETIRED : terminal blocks, which are a minority and never move again.
-- ACTIVE is most blocks, so the primary key serves it.
CREATE INDEX block_terminal ON block (status, host_party, vintage, first_unit) WHERE status <> 'ACTIVE';

-- ?label=AUTHORIZED|CA_APPLIED : Article 6.2 blocks, a minority; NONE is served by the primary key.
CREATE INDEX block_article6 ON block (label, host_party, vintage, first_unit) WHERE label <> 'NONE';

-- ?vintage= : the instrument view (host Party, vintage). The vintage is fixed by the filter, so
-- (host_party, first_unit) after it is the list order.
CREATE INDEX block_vintage ON block (vintage, host_party, first_unit);
