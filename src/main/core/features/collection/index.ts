// What the collection feature offers the other features; they import only from here.
export { DIAGNOSIS_FEE_CODE, getCollectionView } from './collection-view';
