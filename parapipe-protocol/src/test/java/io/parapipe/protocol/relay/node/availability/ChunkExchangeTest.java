package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A drawn chunk recovery names its requests' and answers' sizes, and whether an answer is useful,
 * without making the messages: what it names must be what the messages would say.
 */
class ChunkExchangeTest {
  private static final int[] TO_ASK = {3, 0, 4, 1, 2};
  private static final int[] NODES = {10, 11, 12, 13, 14};
  private final AvailabilityRecovery.ChunkExchange x =
      new AvailabilityRecovery.ChunkExchange(Hash.fromLong(7), TO_ASK, NODES, 2, 3, 3);
  private final PoV data = new PoV(Hash.fromLong(9), 2_000_000, 1, Hash.ZERO);

  @Property(tries = 300)
  void namedSizesAndUsefulnessAreTheMessages(@ForAll @IntRange(min = 0, max = 4) int i,
      @ForAll @IntRange(min = -3, max = 5 * 1024 * 1024) int size, @ForAll boolean withData,
      @ForAll @LongRange(min = 0, max = 1L << 40) long deadline) {
    Object payload = withData ? data : null;
    Message answer = x.answerFromOffer(i, size, payload, deadline);
    assertThat(x.offerAnswerBytes(i, size, payload)).isEqualTo(answer.sizeBytes());
    assertThat(x.offerAnswerUseful(i, size, payload)).isEqualTo(x.useful(answer));
    assertThat(x.requestBytes(i)).isEqualTo(x.request(i, deadline).sizeBytes());
  }

  @org.junit.jupiter.api.Test
  void requestsInFlightFollowUpstreamsDesiredCount() {
    // get_desired_request_count: min(N_PARALLEL, threshold) bounds it; without errors, the missing.
    assertThat(AvailabilityRecovery.desiredRequests(166, 167, 0, 0)).isEqualTo(50);
    assertThat(AvailabilityRecovery.desiredRequests(30, 167, 120, 0)).isEqualTo(30);
    assertThat(AvailabilityRecovery.desiredRequests(4, 4, 0, 0)).isEqualTo(4);
    // One failure in five responses: a fifth more than missing (integer division, as upstream).
    assertThat(AvailabilityRecovery.desiredRequests(30, 167, 100, 20)).isEqualTo(36);
    assertThat(AvailabilityRecovery.desiredRequests(45, 167, 100, 20)).isEqualTo(50);
    assertThat(AvailabilityRecovery.desiredRequests(3, 7, 10, 3)).isEqualTo(4);
    // The chunk exchange asks the same.
    assertThat(x.inFlightWanted(3, 10, 3)).isEqualTo(AvailabilityRecovery.desiredRequests(3, 3, 10, 3));
  }

  @Property(tries = 50)
  void eachChunkIsAskedOfTheValidatorTheShiftGivesIt(@ForAll @IntRange(min = 0, max = 4) int i) {
    // Validator v holds chunk (v + 2) mod 5, so chunk c is held by validator (c - 2) mod 5.
    ChunkFetchRequest r = (ChunkFetchRequest) x.request(i, 0);
    assertThat(r.chunkIndex()).isEqualTo(TO_ASK[i]);
    assertThat(x.peer(i)).isEqualTo(NODES[Math.floorMod(TO_ASK[i] - 2, NODES.length)]);
    assertThat(x.offerSlot(i)).isEqualTo(TO_ASK[i]);
  }
}
