export {
  commit,
  commitSync,
  sqliteCommitPort,
  type CommitPort,
  type CommitResult,
  type Plan,
} from './commit';
export { onLocalCommit } from './notifier';
