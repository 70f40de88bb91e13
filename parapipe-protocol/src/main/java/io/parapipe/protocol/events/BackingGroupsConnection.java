package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.ParaId;

/**
 * A slot-based collator connected to the backing groups of its para's cores ahead of its Aura
 * slot ({@code ConnectToBackingGroups}), or disconnected once its slot passed
 * ({@code DisconnectFromBackingGroups}).
 *
 * @param para para
 * @param connect connect (true) or disconnect
 * @param validators validators connected to (0 on disconnect)
 */
public record BackingGroupsConnection(ParaId para, boolean connect, int validators) implements TraceEvent {
  @Override
  public String type() {
    return connect ? "backing_groups_connect" : "backing_groups_disconnect";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("validators", validators);
  }
}
