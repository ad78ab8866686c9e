// What other screens may use of the customer archive: the ticket page shows a
// repair's contacts and manufacturer trip, and Settings holds the follow-up rules.
export { CustomerContactPanel } from './contacts/CustomerContactPanel';
export { ManufacturerTripCard } from './manufacturer/ManufacturerTripCard';
export { FollowUpSettingsForm } from './FollowUpSettingsForm';
