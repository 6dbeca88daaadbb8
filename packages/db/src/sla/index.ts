export { fireDueWarnings, startWarningScheduler } from './warning-scheduler';
