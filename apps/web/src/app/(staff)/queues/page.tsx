import { type Metadata } from 'next';
import { teamRepository } from '@handoff/db';
import { getDb } from '../../../server/db';
import { QueueView } from './queue-view';

/** Named for the team whose queue is open: "US - Help Desk CPS queue · Handoff". */
export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<{ team?: string | string[] }>;
}): Promise<Metadata> {
  const { team } = await searchParams;
  const id = Number(typeof team === 'string' ? team : undefined);
  const name =
    Number.isInteger(id) && id > 0 ? (await teamRepository.findById(getDb(), id))?.name : undefined;
  return { title: name ? `${name} queue` : 'Team queues' };
}

export default function QueuesPage() {
  return <QueueView />;
}
