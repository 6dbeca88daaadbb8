'use client';

import { ReportsDashboard } from '../../../components/reports-dashboard';

export default function ReportsPage() {
  return <ReportsDashboard />;
}
