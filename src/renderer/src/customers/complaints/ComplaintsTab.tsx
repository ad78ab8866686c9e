// The complaints tab: the open complaints with their age (or all of them), or one complaint.
import { Alert, Checkbox, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import type { CareNavigation } from '../navigation';
import { ComplaintList } from './ComplaintList';
import { ComplaintPage } from './ComplaintPage';

interface Props {
  complaintId: number | null;
  onSelect(complaintId: number | null): void;
  navigation: CareNavigation;
  refreshKey: number;
}

export function ComplaintsTab({ complaintId, onSelect, navigation, refreshKey }: Props) {
  if (complaintId !== null)
    return <ComplaintPage key={complaintId} complaintId={complaintId} onBack={() => onSelect(null)} navigation={navigation} refreshKey={refreshKey} />;
  return <OpenComplaints onOpen={onSelect} refreshKey={refreshKey} />;
}

function OpenComplaints({ onOpen, refreshKey }: { onOpen(id: number): void; refreshKey: number }) {
  const { t } = useTranslation();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [loaded] = useLoaded(
    () => call('complaints.list', { includeClosed }),
    (error) => loadFailure(t, error),
    `${includeClosed}:${refreshKey}`,
  );
  return (
    <Stack gap="md">
      <Checkbox label={t('care.complaints.includeClosed')} checked={includeClosed} onChange={(event) => setIncludeClosed(event.currentTarget.checked)} />
      {loaded.state === 'loading' && <Loader aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && (
        <Alert color="red" role="alert">
          {loaded.message}
        </Alert>
      )}
      {loaded.state === 'done' && <ComplaintList complaints={loaded.data} empty={t('care.complaints.empty')} onOpen={onOpen} />}
    </Stack>
  );
}
