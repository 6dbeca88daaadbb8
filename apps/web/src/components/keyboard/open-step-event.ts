import { type OneStepName } from '@handoff/domain';

/** The palette asks the incident workbench to open a one-step's form (never to run it). */
export const openStepEvent = 'handoff:open-one-step';
export type OpenStepDetail = { name: OneStepName; label: string };

export const requestOpenStep = (detail: OpenStepDetail) =>
  window.dispatchEvent(new CustomEvent<OpenStepDetail>(openStepEvent, { detail }));
