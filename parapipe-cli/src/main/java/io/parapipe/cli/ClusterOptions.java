package io.parapipe.cli;

import io.parapipe.sweep.EngineOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The sweep engine's cluster options, shared by {@code sweep} and {@code sweep-worker}. */
final class ClusterOptions {
  @Option(names = "--join", paramLabel = "HOST:PORT", split = ",",
      description = "Members of a sweep cluster to join (sweep-workers); none: start alone.")
  List<String> join = new ArrayList<>();

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address of this machine the engine binds to (default: ${DEFAULT-VALUE}; "
          + "give one the other machines can reach).")
  String bind;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701",
      description = "First port the engine tries; the next ones if taken (default: "
          + "${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--cluster", paramLabel = "NAME", defaultValue = EngineOptions.CLUSTER,
      description = "Cluster name; members of other clusters are refused (default: "
          + "${DEFAULT-VALUE}).")
  String cluster;

  /**
   * The engine options with {@code workers} runs at a time, checked.
   *
   * @throws UserError for a bad port, or a loopback bind with another machine to join
   */
  EngineOptions engine(int workers) {
    if (port < 1 || port > 65535) {
      throw new UserError("--port " + port + ": must be from 1 to 65535");
    }
    checkBindReachable();
    return new EngineOptions(workers, bind, port, join, cluster);
  }

  /** A member bound to loopback cannot be reached from another machine: say so up front. */
  private void checkBindReachable() {
    boolean loopbackBind;
    try {
      loopbackBind = InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UserError("--bind " + bind + ": unknown host");
    }
    for (String j : join) {
      int colon = j.lastIndexOf(':');
      String host = colon < 0 ? j : j.substring(0, colon);
      boolean loopbackJoin;
      try {
        loopbackJoin = InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        throw new UserError("--join " + j + ": unknown host " + host);
      }
      if (loopbackBind && !loopbackJoin) {
        throw new UserError("--join " + j + " is another machine, but this member binds to "
            + "loopback (" + bind + "); give --bind with an address of this machine that " + host
            + " can reach");
      }
    }
  }
}
