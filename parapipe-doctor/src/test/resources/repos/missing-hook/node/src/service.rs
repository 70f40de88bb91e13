//! The 2023-style consensus builder (before the collators:: modules).
use cumulus_client_consensus_aura::{AuraConsensus, BuildAuraConsensusParams, SlotProportion};

fn build_consensus(client: Arc<ParachainClient>, slot_duration: SlotDuration) -> Box<dyn ParachainConsensus<Block>> {
	AuraConsensus::build::<sp_consensus_aura::sr25519::AuthorityPair, _, _, _, _, _, _>(
		BuildAuraConsensusParams {
			proposer_factory,
			create_inherent_data_providers: move |_, (relay_parent, validation_data)| async move { Ok(()) },
			block_import: client.clone(),
			para_client: client,
			backoff_authoring_blocks: Option::<()>::None,
			sync_oracle,
			keystore,
			force_authoring,
			slot_duration,
			block_proposal_slot_portion: SlotProportion::new(1f32 / 24f32),
			max_block_proposal_slot_portion: Some(SlotProportion::new(1f32 / 16f32)),
			telemetry: None,
		},
	)
}
