package io.parapipe.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.DurableExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.durableexecutor.DurableExecutorServiceFuture;
import com.hazelcast.partition.Partition;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The sweep's engine: an embedded Hazelcast member. Runs go to Hazelcast's durable executor,
 * which stores each task on its partition's owner and on a backup member; when a member dies, the
 * backup becomes the owner and runs the member's unfinished tasks again (Hazelcast's
 * {@code DistributedDurableExecutorService.commitMigration} re-executes them on promotion). The
 * engine itself has no scheduler: it only chooses the partition of each task, so that members get
 * runs in proportion to their worker counts, and waits for the results.
 *
 * <p>Hazelcast's phone-home, multicast and cloud auto-detection are off; the member binds only to
 * {@link EngineOptions#bind()}; without {@link EngineOptions#join()} it joins nobody.
 */
public final class SweepEngine implements AutoCloseable {
  /** The durable executor's name. */
  public static final String EXECUTOR = "parapipe-sweep";

  /** The member attribute that announces a member's worker count. */
  public static final String WORKERS_ATTRIBUTE = "parapipe.workers";

  /** Seconds a member tries to reach the members it was told to join. */
  static final int JOIN_SECONDS = 10;

  private final HazelcastInstance hz;

  private SweepEngine(HazelcastInstance hz) {
    this.hz = hz;
  }

  /**
   * Starts a member.
   *
   * @throws SweepUserError if the bind address is not an address of this machine, or none of
   *     the members to join answered
   */
  public static SweepEngine start(EngineOptions o) {
    String bindIp = resolve(o.bind(), "--bind");
    for (String j : o.join()) {
      checkJoinAddress(j);
    }
    Config c = new Config();
    c.setClusterName(o.clusterName());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", System.getProperty("parapipe.hazelcast.logging", "none"));
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.health.monitoring.level", "OFF");
    c.setProperty("hazelcast.max.join.seconds", Integer.toString(JOIN_SECONDS * 2));
    if (o.join().isEmpty()) {
      c.setProperty("hazelcast.wait.seconds.before.join", "0"); // nobody to wait for
    }
    c.getJetConfig().setEnabled(false);
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(o.port()).setPortAutoIncrement(true).setPortCount(100);
    n.getInterfaces().setEnabled(true).setInterfaces(List.of(bindIp));
    n.setPublicAddress(bindIp);
    JoinConfig j = n.getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    // TCP/IP join on every member, even one that starts alone: Hazelcast refuses to join
    // members whose join methods differ. With no addresses it contacts nobody.
    j.getTcpIpConfig().setEnabled(true).setMembers(o.join())
        .setConnectionTimeoutSeconds(JOIN_SECONDS);
    c.setLiteMember(o.workers() == 0);
    c.getMemberAttributeConfig().setAttribute(WORKERS_ATTRIBUTE, Integer.toString(o.workers()));
    c.addDurableExecutorConfig(new DurableExecutorConfig(EXECUTOR)
        .setPoolSize(Math.max(1, o.workers())).setDurability(1).setCapacity(10_000));

    HazelcastInstance hz;
    try {
      hz = Hazelcast.newHazelcastInstance(c);
    } catch (RuntimeException e) {
      throw new SweepUserError("cannot start the sweep engine on " + o.bind() + ":" + o.port()
          + ": " + e.getMessage(), e);
    }
    if (!o.join().isEmpty() && hz.getCluster().getMembers().size() < 2) {
      hz.getLifecycleService().terminate();
      throw new SweepUserError("cannot reach the cluster at " + String.join(", ", o.join())
          + ": no member of cluster '" + o.clusterName() + "' answered; start one there with 'parapipe sweep-worker --bind HOST', and give --bind "
          + "with an address of this machine that it can reach");
    }
    return new SweepEngine(hz);
  }

  /** This member's address, {@code HOST:PORT}. */
  public String address() {
    return address(hz);
  }

  /** The address of a member, {@code HOST:PORT}. */
  static String address(HazelcastInstance member) {
    var a = member.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  /** Members of the cluster, this one included. */
  public int members() {
    return hz.getCluster().getMembers().size();
  }

  /** Runs at a time over all members. */
  public int workers() {
    int sum = 0;
    for (Member m : hz.getCluster().getMembers()) {
      sum += workersOf(m);
    }
    return sum;
  }

  /** The underlying member (tests stop it to play a crash). */
  HazelcastInstance hazelcast() {
    return hz;
  }

  /**
   * Runs every task somewhere in the cluster and hands each outcome to {@code onDone} on the
   * calling thread, in the order they finish.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if a run failed (a bug in the simulator, or members of
   *     different versions)
   */
  public void run(List<RunTask> tasks, Consumer<RunOutcome> onDone) throws InterruptedException {
    if (tasks.isEmpty()) {
      return;
    }
    DurableExecutorService executor = hz.getDurableExecutorService(EXECUTOR);
    LinkedBlockingQueue<Object> done = new LinkedBlockingQueue<>();
    Map<String, Long> taskIds = new HashMap<>();
    Placement placement = new Placement(hz);
    for (RunTask t : tasks) {
      DurableExecutorServiceFuture<RunOutcome> f =
          executor.submitToKeyOwner(t, placement.nextKey());
      taskIds.put(t.id(), f.getTaskId());
      f.whenComplete((r, e) -> done.add(e == null ? r : new Failure(t.id(), e)));
    }
    for (int remaining = tasks.size(); remaining > 0; remaining--) {
      Object o = done.take();
      if (o instanceof Failure f) {
        throw new IllegalStateException("run " + f.id() + " failed on the cluster: "
            + f.cause(), f.cause());
      }
      RunOutcome r = (RunOutcome) o;
      onDone.accept(r);
      executor.disposeResult(taskIds.get(r.id()));
    }
  }

  /** Calls {@code action} once this member has shut down, however that came about. */
  public void whenStopped(Runnable action) {
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
        action.run();
      }
    });
    if (!hz.getLifecycleService().isRunning()) {
      action.run();
    }
  }

  /** Leaves the cluster (gracefully: its partitions and their backups move to the others). */
  @Override
  public void close() {
    if (hz.getLifecycleService().isRunning()) {
      hz.shutdown();
    }
  }

  private record Failure(String id, Throwable cause) {}

  static int workersOf(Member m) {
    if (m.isLiteMember()) {
      return 0;
    }
    String w = m.getAttribute(WORKERS_ATTRIBUTE);
    try {
      return w == null ? 1 : Math.max(1, Integer.parseInt(w));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Chooses a key for each task so that its partition belongs to the member with the fewest runs
   * per worker so far; keys then go round the member's partitions. Placement only: Hazelcast
   * owns the queues, the execution and the recovery.
   */
  private static final class Placement {
    private final List<Member> members = new ArrayList<>();
    private final List<List<String>> keysOf = new ArrayList<>();
    private final int[] placed;
    private final int[] next;

    Placement(HazelcastInstance hz) {
      Map<Integer, String> keyOfPartition = new HashMap<>();
      int partitions = hz.getPartitionService().getPartitions().size();
      for (int i = 0; keyOfPartition.size() < partitions && i < 1_000_000; i++) {
        String key = "k" + i;
        keyOfPartition.putIfAbsent(hz.getPartitionService().getPartition(key).getPartitionId(),
            key);
      }
      Map<Member, List<String>> byMember = new HashMap<>();
      for (Partition p : hz.getPartitionService().getPartitions()) {
        Member owner = p.getOwner();
        String key = keyOfPartition.get(p.getPartitionId());
        if (owner != null && key != null) {
          byMember.computeIfAbsent(owner, m -> new ArrayList<>()).add(key);
        }
      }
      for (Member m : hz.getCluster().getMembers()) {
        if (byMember.containsKey(m) && workersOf(m) > 0) {
          members.add(m);
          keysOf.add(byMember.get(m));
        }
      }
      placed = new int[members.size()];
      next = new int[members.size()];
    }

    Object nextKey() {
      if (members.isEmpty()) {
        return "k0"; // partitions not yet assigned: let Hazelcast place it
      }
      int best = 0;
      for (int i = 1; i < members.size(); i++) {
        // fewest runs per worker: placed[i] / w[i] < placed[best] / w[best]
        if ((long) placed[i] * workersOf(members.get(best))
            < (long) placed[best] * workersOf(members.get(i))) {
          best = i;
        }
      }
      placed[best]++;
      List<String> keys = keysOf.get(best);
      return keys.get(next[best]++ % keys.size());
    }
  }

  private static String resolve(String host, String flag) {
    try {
      InetAddress a = InetAddress.getByName(host);
      return a.getHostAddress();
    } catch (UnknownHostException e) {
      throw new SweepUserError(flag + " " + host + ": unknown host");
    }
  }

  private static void checkJoinAddress(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    if (host.isEmpty()) {
      throw new SweepUserError("--join " + address + ": must be HOST or HOST:PORT");
    }
    if (colon >= 0) {
      String port = address.substring(colon + 1);
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        throw new SweepUserError("--join " + address + ": the port must be from 1 to 65535");
      }
    }
    resolve(host, "--join");
  }
}
