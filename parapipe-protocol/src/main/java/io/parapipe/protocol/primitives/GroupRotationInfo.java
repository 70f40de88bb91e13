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

  /** The group assigned to {@code core} among {@code cores} cores at {@code now}. */
  public GroupIndex groupForCore(CoreIndex core, int cores) {
    if (groupRotationFrequency == 0 || cores == 0) {
      return GroupIndex.of(cores == 0 ? 0 : core.value());
    }
    long r = rotations() % cores;
    return GroupIndex.of((int) ((core.value() + r) % cores));
  }

  /** The core {@code group} serves among {@code cores} cores at {@code now}. */
  public CoreIndex coreForGroup(GroupIndex group, int cores) {
    if (groupRotationFrequency == 0 || cores == 0) {
      return CoreIndex.of(cores == 0 ? 0 : group.value());
    }
    long r = rotations() % cores;
    return CoreIndex.of((int) ((group.value() + cores - r) % cores));
  }

  /** The next block at which groups rotate. */
  public int nextRotationAt() {
    int f = groupRotationFrequency;
    return (now + f) - Math.floorMod(now + f - sessionStartBlock, f);
  }

  /** The last block at which groups rotated. */
  public int lastRotationAt() {
    return now - Math.floorMod(now - sessionStartBlock, groupRotationFrequency);
  }

  /** The same rotation localised to another block. */
  public GroupRotationInfo at(int block) {
    return new GroupRotationInfo(sessionStartBlock, groupRotationFrequency, block);
  }
}
