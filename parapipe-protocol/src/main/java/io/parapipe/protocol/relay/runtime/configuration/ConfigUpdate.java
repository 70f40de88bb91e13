package io.parapipe.protocol.relay.runtime.configuration;

import io.parapipe.protocol.primitives.HostConfiguration;
import java.util.Objects;

/**
 * A governance change to the host configuration, like one of upstream's {@code set_*} calls: it
 * edits the base configuration (the newest pending one, else the active one).
 */
@FunctionalInterface
public interface ConfigUpdate {
  /** The configuration after the change, given the base. */
  HostConfiguration apply(HostConfiguration base);

  /** An update that replaces the whole configuration. */
  static ConfigUpdate replaceWith(HostConfiguration config) {
    Objects.requireNonNull(config, "config");
    return base -> config;
  }
}
