-- Pairwise judge runs: a result may judge two rollouts of one sample, shown in a given order.
-- rollout_id is the rollout shown as candidate A, rollout_b_id the one shown as candidate B (NULL
-- for pointwise results, which stay as they were). A pair is judged in both orders, (x, y) and
-- (y, x): two rows, told apart by which rollout sits in which column, so no separate order flag.
-- content_hash is the replay key of a pairwise answer (SHA-256 over both candidates as shown): a
-- pointwise answer's key is its rollout's prediction_hash, but a pair's cannot be computed in SQL.
ALTER TABLE judge_results ADD COLUMN rollout_b_id BIGINT REFERENCES rollouts (id);
ALTER TABLE judge_results ADD COLUMN content_hash CHARACTER VARYING(64);

-- Still one result per (run, rollout, repeat) for pointwise runs: NULLS NOT DISTINCT makes the
-- NULL rollout_b_id of two pointwise rows count as equal, so a resumed run still cannot store twice.
ALTER TABLE judge_results DROP CONSTRAINT judge_results_once;
ALTER TABLE judge_results ADD CONSTRAINT judge_results_once
    UNIQUE NULLS NOT DISTINCT (run_id, rollout_id, rollout_b_id, repeat_index);

CREATE INDEX judge_results_content ON judge_results (content_hash);
