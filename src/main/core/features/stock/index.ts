// What the stock feature offers the other features; they import only from here.
export {
  HAND_BACK_STATUSES,
  PART_USE_STATUSES,
  getPart,
  listOldPartsHandedBack,
  listTicketParts,
  restockFittedParts,
  returnToCustomer,
  returnToStores,
  useParts,
} from './stock';
