// The archive tab: the search, or one customer's page once picked.
import type { CareNavigation } from '../navigation';
import { ArchiveSearch } from './ArchiveSearch';
import { CustomerPage } from './CustomerPage';

interface Props {
  customerId: number | null;
  onSelect(customerId: number | null): void;
  navigation: CareNavigation;
  refreshKey: number;
}

export function ArchiveTab({ customerId, onSelect, navigation, refreshKey }: Props) {
  if (customerId !== null)
    return <CustomerPage key={customerId} customerId={customerId} onBack={() => onSelect(null)} navigation={navigation} refreshKey={refreshKey} />;
  return <ArchiveSearch onOpen={onSelect} focusKey={refreshKey} />;
}
