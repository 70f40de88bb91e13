package io.parapipe.protocol.relay.runtime.configuration;

import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code configuration::PendingConfigs}, immutable: configuration changes waiting for their
 * session, ascending by session. A change made during session {@code s} takes effect at the start
 * of session {@code s + SESSION_DELAY}; at most two entries exist at once.
 */
public final class PendingConfigs {
  /** {@code shared::SESSION_DELAY}: sessions between scheduling a change and applying it. */
  public static final int SESSION_DELAY = 2;

  /** No pending changes. */
  public static final PendingConfigs EMPTY = new PendingConfigs(List.of());

  private final List<Entry> entries;

  /**
   * One pending change.
   *
   * @param applyAt the session at whose start it becomes active
   * @param config the configuration
   */
  public record Entry(SessionIndex applyAt, HostConfiguration config) {}

  /** The result of scheduling: the new pending list and what happened. */
  public record Scheduling(PendingConfigs pending, ConfigUpdateOutcome outcome) {}

  /** The result of a session change: the configuration now active and what is still pending. */
  public record SessionChange(HostConfiguration prevConfig, HostConfiguration newConfig, PendingConfigs pending) {}

  private PendingConfigs(List<Entry> entries) {
    this.entries = entries;
  }

  /** The pending entries, ascending by session. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * {@code schedule_config_update}: apply {@code update} to the base (newest pending config, else
   * {@code active}) and store it for session {@code current + SESSION_DELAY}, replacing an entry
   * for that session. Refused with {@code InvalidNewValue} when the base is consistent and the
   * result is not (an inconsistent base may be changed freely, as upstream).
   */
  public Scheduling schedule(ConfigUpdate update, SessionIndex currentSession, HostConfiguration active) {
    HostConfiguration base = entries.isEmpty() ? active : entries.get(entries.size() - 1).config();
    boolean baseConsistent = base.checkConsistency().isEmpty();
    HostConfiguration next = update.apply(base);
    Optional<InconsistentError> err = next.checkConsistency();
    if (err.isPresent() && baseConsistent) {
      return new Scheduling(this, new ConfigUpdateOutcome.InvalidNewValue(err.get()));
    }
    SessionIndex at = SessionIndex.of(currentSession.value() + SESSION_DELAY);
    List<Entry> out = new ArrayList<>(entries.size() + 1);
    boolean replaced = false;
    for (Entry e : entries) {
      if (e.applyAt().equals(at)) {
        out.add(new Entry(at, next));
        replaced = true;
      } else {
        out.add(e);
      }
    }
    if (!replaced) {
      out.add(new Entry(at, next));
    }
    return new Scheduling(new PendingConfigs(List.copyOf(out)), new ConfigUpdateOutcome.Scheduled(at, next));
  }

  /**
   * {@code initializer_on_new_session(session)}: the newest entry due at or before
   * {@code newSession} becomes active; later entries stay pending.
   */
  public SessionChange onNewSession(SessionIndex newSession, HostConfiguration active) {
    HostConfiguration next = active;
    List<Entry> future = new ArrayList<>();
    for (Entry e : entries) {
      if (e.applyAt().compareTo(newSession) <= 0) {
        next = e.config();
      } else {
        future.add(e);
      }
    }
    return new SessionChange(active, next, future.isEmpty() ? EMPTY : new PendingConfigs(List.copyOf(future)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingConfigs p && p.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "PendingConfigs" + entries;
  }
}
