package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;

/**
 * Why a candidate cannot join a fragment chain, now or ever ({@code fragment_chain::Error}).
 * Variant names follow upstream; {@link #message()} is the upstream error text.
 */
public sealed interface FragmentChainError
    permits FragmentChainError.CandidateAlreadyKnown,
        FragmentChainError.ZeroLengthCycle,
        FragmentChainError.Cycle,
        FragmentChainError.MultiplePaths,
        FragmentChainError.IntroduceBackedCandidate,
        FragmentChainError.RelayParentPrecedesCandidatePendingAvailability,
        FragmentChainError.ForkWithCandidatePendingAvailability,
        FragmentChainError.ForkChoiceRule,
        FragmentChainError.ParentCandidateNotFound,
        FragmentChainError.ComputeConstraints,
        FragmentChainError.CheckAgainstConstraints,
        FragmentChainError.RelayParentMovedBackwards,
        FragmentChainError.CandidateEntry,
        FragmentChainError.RelayParentNotInScope {

  /** The upstream error message. */
  String message();

  /** The candidate is already in the best chain or the unconnected storage. */
  record CandidateAlreadyKnown() implements FragmentChainError {
    /** The single value. */
    public static final CandidateAlreadyKnown INSTANCE = new CandidateAlreadyKnown();

    @Override
    public String message() {
      return "Candidate already known";
    }
  }

  /** The candidate's parent head equals its output head. */
  record ZeroLengthCycle() implements FragmentChainError {
    @Override
    public String message() {
      return "Candidate's parent head is equal to its output head. Would introduce a cycle.";
    }
  }

  /** The candidate's output is the parent head of a chain node. */
  record Cycle() implements FragmentChainError {
    @Override
    public String message() {
      return "Candidate would introduce a cycle";
    }
  }

  /** The candidate's output is already the output of a chain node. */
  record MultiplePaths() implements FragmentChainError {
    @Override
    public String message() {
      return "Candidate would introduce two paths to the same output state";
    }
  }

  /** A backed entry was introduced directly. */
  record IntroduceBackedCandidate() implements FragmentChainError {
    @Override
    public String message() {
      return "Attempting to directly introduce a Backed candidate. It should first be introduced as Seconded";
    }
  }

  /**
   * The relay parent is older than that of the last candidate pending availability.
   *
   * @param relayParent the candidate's relay parent
   * @param pendingRelayParent the pending candidate's relay parent
   */
  record RelayParentPrecedesCandidatePendingAvailability(Hash relayParent, Hash pendingRelayParent)
      implements FragmentChainError {
    @Override
    public String message() {
      return "Relay parent " + relayParent + " of the candidate precedes the relay parent "
          + pendingRelayParent + " of a pending availability candidate";
    }
  }

  /**
   * The candidate forks from a candidate pending availability.
   *
   * @param other the pending candidate
   */
  record ForkWithCandidatePendingAvailability(Hash other) implements FragmentChainError {
    @Override
    public String message() {
      return "Candidate would introduce a fork with a pending availability candidate: " + other;
    }
  }

  /**
   * The fork selection rule prefers the chain's candidate.
   *
   * @param other the chain's candidate
   */
  record ForkChoiceRule(Hash other) implements FragmentChainError {
    @Override
    public String message() {
      return "Fork selection rule favours another candidate: " + other;
    }
  }

  /** The parent candidate was indexed but not found (should never happen). */
  record ParentCandidateNotFound() implements FragmentChainError {
    @Override
    public String message() {
      return "Could not find parent of the candidate";
    }
  }

  /**
   * The constraints of the candidate could not be computed.
   *
   * @param error the modification error
   */
  record ComputeConstraints(ModificationError error) implements FragmentChainError {
    @Override
    public String message() {
      return "Could not compute candidate constraints: " + error;
    }
  }

  /**
   * The candidate violates its constraints.
   *
   * @param error the validity error
   */
  record CheckAgainstConstraints(FragmentValidityError error) implements FragmentChainError {
    @Override
    public String message() {
      return "Candidate violates constraints: " + error;
    }
  }

  /** The relay parent would move backwards from the latest candidate in the chain. */
  record RelayParentMovedBackwards() implements FragmentChainError {
    @Override
    public String message() {
      return "Relay parent would move backwards from the latest candidate in the chain";
    }
  }

  /**
   * The candidate entry could not be built.
   *
   * @param error the entry error
   */
  record CandidateEntry(CandidateEntryError error) implements FragmentChainError {
    @Override
    public String message() {
      return error.message();
    }
  }

  /**
   * The relay parent is not in the chain's scope.
   *
   * @param relayParent the candidate's relay parent
   * @param earliest the earliest relay parent in scope
   */
  record RelayParentNotInScope(Hash relayParent, Hash earliest) implements FragmentChainError {
    @Override
    public String message() {
      return "Relay parent " + relayParent + " not in scope. Earliest relay parent allowed " + earliest;
    }
  }
}
