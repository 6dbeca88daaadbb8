export {
  commit,
  commitSync,
  exclusive,
  sqliteCommitPort,
  type CommitPort,
  type CommitResult,
  type Plan,
  type SyncPlan,
} from './commit';
export { onLocalCommit } from './notifier';
