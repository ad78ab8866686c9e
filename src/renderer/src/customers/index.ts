// What other screens may use of the customer archive: the ticket page shows a
// repair's contacts, manufacturer trip and test, and Settings holds the follow-up rules.
export { CustomerContactPanel } from './contacts/CustomerContactPanel';
export { ManufacturerTripCard } from './manufacturer/ManufacturerTripCard';
export { RepairTestCard } from './repair-test/RepairTestCard';
export { FollowUpSettingsForm } from './FollowUpSettingsForm';
