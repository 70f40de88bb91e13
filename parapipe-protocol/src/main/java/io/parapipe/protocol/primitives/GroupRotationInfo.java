package io.parapipe.protocol.primitives;

/**
 * Which validator group serves which core at block {@code now} ({@code GroupRotationInfo}).
 *
 * @param sessionStartBlock first block of the session
 * @param groupRotationFrequency blocks between rotations
 * @param now the block the rotation is computed for
 */
public record GroupRotationInfo(int sessionStartBlock, int groupRotationFrequency, int now) {

  private int rotations() {
    if (groupRotationFrequency == 0) {
      return 0;
    }
    return Math.max(0, now - sessionStartBlock) / groupRotationFrequency;
  }

  /**
   * The group assigned to {@code core} among {@code cores} cores at {@code now}. Without
   * rotation the core's own index; with rotation but no cores, group 0 (upstream's order of
   * checks).
   */
  public GroupIndex groupForCore(CoreIndex core, int cores) {
    if (groupRotationFrequency == 0) {
      return GroupIndex.of(core.value());
    }
    if (cores == 0) {
      return GroupIndex.of(0);
    }
    long r = rotations() % cores;
    return GroupIndex.of((int) ((core.value() + r) % cores));
  }

  /** The core {@code group} serves among {@code cores} cores at {@code now} (same special cases). */
  public CoreIndex coreForGroup(GroupIndex group, int cores) {
    if (groupRotationFrequency == 0) {
      return CoreIndex.of(group.value());
    }
    if (cores == 0) {
      return CoreIndex.of(0);
    }
    long r = rotations() % cores;
    return CoreIndex.of((int) ((group.value() + cores - r) % cores));
  }

  /** The next block at which groups rotate ({@code (now + F) - ((now + F) ⊖ S) mod F}, saturating). */
  public int nextRotationAt() {
    int cycleOnce = now + groupRotationFrequency;
    return cycleOnce - Math.max(0, cycleOnce - sessionStartBlock) % groupRotationFrequency;
  }

  /** The last block at which groups rotated ({@code now - (now ⊖ S) mod F}, saturating). */
  public int lastRotationAt() {
    return now - Math.max(0, now - sessionStartBlock) % groupRotationFrequency;
  }

  /** The same rotation localised to another block. */
  public GroupRotationInfo at(int block) {
    return new GroupRotationInfo(sessionStartBlock, groupRotationFrequency, block);
  }
}
