import type { Language } from '../../lib/i18n';

/**
 * A project's recorded decisions (project_decision: a step and a decision code) in words, French
 * first: the experiment page listed the raw codes (« EXPERIMENT : ADJUST »). Unknown codes are shown
 * as they are rather than hidden.
 */
const fr: Record<string, string> = {
  'IDEA.SUBMITTED': 'Idée déposée',
  'TRIAGE.ACCEPT': 'Idée acceptée au tri',
  'TRIAGE.REJECT': 'Idée écartée au tri',
  'TRIAGE.MERGE': 'Idée fusionnée au tri',
  'NECESSITY.JUSTIFIED': "Recours à l'IA générative justifié",
  'SELECTION.SELECT': 'Projet retenu par la direction',
  'SELECTION.DECLINE': 'Projet non retenu par la direction',
  'ETHICS_EXPERIMENT.APPROVE': 'Comité éthique avant expérimentation : favorable',
  'ETHICS_EXPERIMENT.APPROVE_WITH_CONDITIONS': 'Comité éthique avant expérimentation : favorable sous conditions',
  'ETHICS_EXPERIMENT.REWORK': 'Comité éthique avant expérimentation : à retravailler',
  'ETHICS_EXPERIMENT.REJECT': 'Comité éthique avant expérimentation : défavorable',
  'ETHICS_ROLLOUT.APPROVE': 'Comité éthique avant déploiement : favorable',
  'ETHICS_ROLLOUT.APPROVE_WITH_CONDITIONS': 'Comité éthique avant déploiement : favorable sous conditions',
  'ETHICS_ROLLOUT.REWORK': 'Comité éthique avant déploiement : à retravailler',
  'ETHICS_ROLLOUT.REJECT': 'Comité éthique avant déploiement : défavorable',
  'REWORK.DONE': 'Projet retravaillé',
  'EXPERIMENT_SETUP.READY': 'Expérimentation préparée',
  'EXPERIMENT.STOP': 'Expérimentation : arrêter',
  'EXPERIMENT.ADJUST': 'Expérimentation : ajuster et poursuivre',
  'EXPERIMENT.GENERALISE': 'Expérimentation : généraliser',
  'ROLLOUT_PLAN.PLANNED': 'Déploiement planifié',
  'WAVE.STARTED_BY_HAND': 'Vague lancée à la main',
  'WAVE.PAUSED_BY_GUARDRAIL': 'Vague suspendue par un garde-fou',
  'WAVE.COMPLETED': 'Vague terminée',
  'TRAINING.COMPLETED': 'Formation suivie',
  'WAVE_BREACH.RESUME': 'Garde-fou franchi : reprendre la vague',
  'WAVE_BREACH.STOP': 'Garde-fou franchi : arrêter la vague',
  'KILL_SWITCH.USE_CASE_KILLED': "Cas d'usage coupé",
  'KILL_SWITCH.USE_CASE_REVIVED': "Cas d'usage rétabli",
  'PERIODIC_REVIEW.CONTINUE': 'Revue périodique : poursuivre',
  'PERIODIC_REVIEW.RETIRE': 'Revue périodique : retirer le cas d’usage',
};

const en: Record<string, string> = {
  'IDEA.SUBMITTED': 'Idea submitted',
  'TRIAGE.ACCEPT': 'Idea accepted at triage',
  'TRIAGE.REJECT': 'Idea turned down at triage',
  'TRIAGE.MERGE': 'Idea merged at triage',
  'NECESSITY.JUSTIFIED': 'Need for generative AI justified',
  'SELECTION.SELECT': 'Project selected by the directorate',
  'SELECTION.DECLINE': 'Project declined by the directorate',
  'ETHICS_EXPERIMENT.APPROVE': 'Ethics committee before the experiment: favourable',
  'ETHICS_EXPERIMENT.APPROVE_WITH_CONDITIONS': 'Ethics committee before the experiment: favourable with conditions',
  'ETHICS_EXPERIMENT.REWORK': 'Ethics committee before the experiment: to rework',
  'ETHICS_EXPERIMENT.REJECT': 'Ethics committee before the experiment: unfavourable',
  'ETHICS_ROLLOUT.APPROVE': 'Ethics committee before rollout: favourable',
  'ETHICS_ROLLOUT.APPROVE_WITH_CONDITIONS': 'Ethics committee before rollout: favourable with conditions',
  'ETHICS_ROLLOUT.REWORK': 'Ethics committee before rollout: to rework',
  'ETHICS_ROLLOUT.REJECT': 'Ethics committee before rollout: unfavourable',
  'REWORK.DONE': 'Project reworked',
  'EXPERIMENT_SETUP.READY': 'Experiment set up',
  'EXPERIMENT.STOP': 'Experiment: stop',
  'EXPERIMENT.ADJUST': 'Experiment: adjust and continue',
  'EXPERIMENT.GENERALISE': 'Experiment: generalise',
  'ROLLOUT_PLAN.PLANNED': 'Rollout planned',
  'WAVE.STARTED_BY_HAND': 'Wave started by hand',
  'WAVE.PAUSED_BY_GUARDRAIL': 'Wave paused by a guardrail',
  'WAVE.COMPLETED': 'Wave completed',
  'TRAINING.COMPLETED': 'Training completed',
  'WAVE_BREACH.RESUME': 'Guardrail crossed: resume the wave',
  'WAVE_BREACH.STOP': 'Guardrail crossed: stop the wave',
  'KILL_SWITCH.USE_CASE_KILLED': 'Use case switched off',
  'KILL_SWITCH.USE_CASE_REVIVED': 'Use case switched back on',
  'PERIODIC_REVIEW.CONTINUE': 'Periodic review: continue',
  'PERIODIC_REVIEW.RETIRE': 'Periodic review: retire the use case',
};

export function decisionLabel(step: string, decision: string, lang: Language): string {
  return (lang === 'en' ? en : fr)[`${step}.${decision}`] ?? `${step} : ${decision}`;
}
