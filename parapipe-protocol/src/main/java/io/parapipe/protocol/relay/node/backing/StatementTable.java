package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement table of one relay parent, after upstream's {@code polkadot-statement-table}
 * ({@code generic.rs}): signed statements go in, {@link AttestedCandidate}s come out once a
 * candidate has {@code min(group size, minimum_backing_votes)} validity votes from its group.
 * {@code Seconded} is an implicit validity vote, {@code Valid} an explicit one; a {@code Valid}
 * counts only for a candidate the table already holds.
 *
 * <p>Groups are identified by the core they serve, as upstream's backing does since elastic
 * scaling. Statements that break the rules are {@link Misbehavior}s, recorded per validator and
 * kept for whoever wants them (upstream hands them to the provisioner for disputes and
 * slashing); parapipe models honest validators, so nothing reads them yet. Signatures are not
 * modelled, so {@code DoubleSign} (two signatures on one statement) cannot arise: two equal
 * statements from one validator are one statement.
 *
 * <p>Votes are kept in arrival order, so attestations come out in the same order on every run.
 */
public final class StatementTable {
  /** What the table needs to know about groups (upstream's {@code Context}). */
  public interface Context {
    /** Whether {@code validator} belongs to the group serving {@code group}. */
    boolean isMemberOf(int validator, CoreIndex group);

    /** The size of the group serving {@code group}, or -1 if there is no such group. */
    int groupSize(CoreIndex group);
  }

  /**
   * Table configuration (upstream's {@code Config}).
   *
   * @param allowMultipleSeconded whether a validator may second several candidates; with
   *     prospective parachains it may (statement distribution bounds how many), otherwise a
   *     second candidate is {@link Misbehavior.MultipleCandidates}
   */
  public record Config(boolean allowMultipleSeconded) {}

  /** What importing one statement did (upstream returns a {@code Summary} only for a new vote). */
  public enum ImportResult {
    /** A new validity vote was recorded. */
    NEW_VOTE,
    /** Nothing new: the validator's vote on the candidate was already recorded (any double vote is recorded as misbehaviour). */
    NO_NEW_VOTE,
    /** The sender is not in the candidate's group ({@link Misbehavior.UnauthorizedStatement}). */
    UNAUTHORIZED,
    /** A {@code Seconded} for a second candidate while multiple candidates are not allowed. */
    MULTIPLE_CANDIDATES,
    /** A {@code Valid} for a candidate the table does not hold; ignored. */
    UNKNOWN_CANDIDATE
  }

  /** Statements that prove a validator broke the backing rules (upstream's {@code Misbehavior}). */
  public sealed interface Misbehavior {
    /** The offending validator. */
    int validator();

    /**
     * {@code ValidityDoubleVote::IssuedAndValidity}: seconded a candidate and also voted it
     * valid explicitly.
     *
     * @param validator the offender
     * @param candidate the candidate voted on twice
     */
    record ValidityDoubleVote(int validator, Hash candidate) implements Misbehavior {}

    /**
     * {@code MultipleCandidates}: seconded two candidates where only one is allowed.
     *
     * @param validator the offender
     * @param first the candidate seconded first
     * @param second the other candidate
     */
    record MultipleCandidates(int validator, Hash first, Hash second) implements Misbehavior {}

    /**
     * {@code UnauthorizedStatement}: a statement about a candidate of a group the sender does
     * not belong to.
     *
     * @param validator the offender
     * @param statement the statement
     */
    record UnauthorizedStatement(int validator, Statement statement) implements Misbehavior {}
  }

  /**
   * One validity vote of an attested candidate.
   *
   * @param validator the voter's index
   * @param attestation implicit (it seconded) or explicit (it voted valid)
   */
  public record Vote(int validator, ValidityAttestation attestation) {}

  /**
   * A candidate with enough validity votes (upstream's {@code AttestedCandidate}).
   *
   * @param group the core whose group backs it
   * @param candidate the receipt
   * @param validationData the validation data it was seconded with
   * @param validityVotes the votes, in arrival order
   */
  public record AttestedCandidate(CoreIndex group, CommittedCandidateReceipt candidate,
      PersistedValidationData validationData, List<Vote> validityVotes) {}

  /** A candidate's data and its votes by validator, in arrival order. */
  private static final class CandidateData {
    final CoreIndex group;
    final Statement.Seconded candidate;
    final LinkedHashMap<Integer, ValidityAttestation> votes = new LinkedHashMap<>();

    CandidateData(CoreIndex group, Statement.Seconded candidate) {
      this.group = group;
      this.candidate = candidate;
    }
  }

  private final Context context;
  private final int minimumBackingVotes;
  private final Config config;
  // Lookups only; nothing iterates these maps.
  private final Map<Hash, CandidateData> candidates = new HashMap<>();
  private final Map<Integer, List<Hash>> proposals = new HashMap<>();
  private final Map<Integer, List<Misbehavior>> misbehavior = new LinkedHashMap<>();

  /**
   * @param minimumBackingVotes the session's {@code minimum_backing_votes}
   */
  public StatementTable(Context context, int minimumBackingVotes, Config config) {
    this.context = context;
    this.minimumBackingVotes = minimumBackingVotes;
    this.config = config;
  }

  /**
   * Imports a statement from {@code validator} ({@code import_statement}).
   *
   * @param group for a {@code Seconded}, the core whose group the sender belongs to; unused for
   *     {@code Valid}, which counts for the candidate's own group
   */
  public ImportResult importStatement(int validator, Statement statement, CoreIndex group) {
    if (statement instanceof Statement.Seconded s) {
      return importCandidate(validator, s, group);
    }
    return validityVote(validator, statement, ValidityAttestation.EXPLICIT);
  }

  private ImportResult importCandidate(int validator, Statement.Seconded s, CoreIndex group) {
    if (!context.isMemberOf(validator, group)) {
      return record(new Misbehavior.UnauthorizedStatement(validator, s), ImportResult.UNAUTHORIZED);
    }
    Hash digest = s.candidateHash();
    List<Hash> proposed = proposals.get(validator);
    boolean newProposal;
    if (proposed == null) {
      proposed = new ArrayList<>(1);
      proposals.put(validator, proposed);
      proposed.add(digest);
      newProposal = true;
    } else if (!config.allowMultipleSeconded() && proposed.size() == 1) {
      if (!proposed.get(0).equals(digest)) {
        return record(new Misbehavior.MultipleCandidates(validator, proposed.get(0), digest),
            ImportResult.MULTIPLE_CANDIDATES);
      }
      newProposal = false;
    } else if (proposed.contains(digest)) {
      newProposal = false;
    } else {
      proposed.add(digest);
      newProposal = true;
    }
    if (newProposal) {
      candidates.computeIfAbsent(digest, k -> new CandidateData(group, s));
    }
    return validityVote(validator, s, ValidityAttestation.IMPLICIT);
  }

  private ImportResult validityVote(int validator, Statement statement, ValidityAttestation vote) {
    CandidateData data = candidates.get(statement.candidateHash());
    if (data == null) {
      return ImportResult.UNKNOWN_CANDIDATE;
    }
    if (!context.isMemberOf(validator, data.group)) {
      return record(new Misbehavior.UnauthorizedStatement(validator, statement), ImportResult.UNAUTHORIZED);
    }
    ValidityAttestation existing = data.votes.putIfAbsent(validator, vote);
    if (existing == null) {
      return ImportResult.NEW_VOTE;
    }
    if (existing != vote) {
      // Seconded and Valid from one validator on one candidate.
      record(new Misbehavior.ValidityDoubleVote(validator, statement.candidateHash()), null);
    }
    return ImportResult.NO_NEW_VOTE;
  }

  private ImportResult record(Misbehavior m, ImportResult result) {
    misbehavior.computeIfAbsent(m.validator(), k -> new ArrayList<>()).add(m);
    return result;
  }

  /** True if the table holds the candidate (someone in its group seconded it). */
  public boolean hasCandidate(Hash candidate) {
    return candidates.containsKey(candidate);
  }

  /** The candidate as it was seconded ({@code get_candidate}), or null if the table lacks it. */
  public Statement.Seconded candidate(Hash candidate) {
    CandidateData d = candidates.get(candidate);
    return d == null ? null : d.candidate;
  }

  /** The group (core) of a candidate the table holds, or null. */
  public CoreIndex groupOf(Hash candidate) {
    CandidateData d = candidates.get(candidate);
    return d == null ? null : d.group;
  }

  /** True if {@code validator} has a validity vote (implicit or explicit) on the candidate. */
  public boolean hasVote(Hash candidate, int validator) {
    CandidateData d = candidates.get(candidate);
    return d != null && d.votes.containsKey(validator);
  }

  /** The number of validity votes on the candidate (0 if unknown). */
  public int validityVotes(Hash candidate) {
    CandidateData d = candidates.get(candidate);
    return d == null ? 0 : d.votes.size();
  }

  /**
   * The candidate with its votes if it has reached {@code min(group size,
   * minimum_backing_votes)} ({@code attested_candidate}); null otherwise.
   */
  public AttestedCandidate attestedCandidate(Hash candidate) {
    CandidateData d = candidates.get(candidate);
    if (d == null) {
      return null;
    }
    int size = context.groupSize(d.group);
    int threshold = size < 0 ? Integer.MAX_VALUE : Math.min(size, minimumBackingVotes);
    if (d.votes.size() < threshold) {
      return null;
    }
    List<Vote> votes = new ArrayList<>(d.votes.size());
    for (Map.Entry<Integer, ValidityAttestation> v : d.votes.entrySet()) {
      votes.add(new Vote(v.getKey(), v.getValue()));
    }
    return new AttestedCandidate(d.group, d.candidate.receipt(), d.candidate.validationData(),
        List.copyOf(votes));
  }

  /** Misbehaviour seen so far, per validator in order of detection ({@code get_misbehavior}). */
  public Map<Integer, List<Misbehavior>> misbehavior() {
    return Collections.unmodifiableMap(misbehavior);
  }
}
