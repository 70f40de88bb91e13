package io.parapipe.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One run as a task for Hazelcast's durable executor: the scenario travels as its TOML tree (JSON
 * text), is checked again on the member that runs it, and the results come back as JSON text. A
 * run is deterministic, so running it twice (after a member failure) gives the same bytes.
 */
public final class RunTask implements Callable<RunOutcome>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String scenarioTree;
  private final String origin;
  private transient HazelcastInstance member;

  /** The task of one planned run. */
  public RunTask(RunSpec run) {
    this.id = run.id();
    this.scenarioTree = run.scenarioTree();
    this.origin = run.origin();
  }

  /** The run's id. */
  public String id() {
    return id;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public RunOutcome call() throws JsonProcessingException {
    Scenario scenario = ScenarioLoader.parse(new ObjectMapper().readTree(scenarioTree), origin);
    RunResult result = Runs.run(scenario, Optional.empty(), t -> { });
    String where = member == null ? "local" : SweepEngine.address(member);
    return new RunOutcome(id, ResultsJson.toJson(result), where);
  }
}
