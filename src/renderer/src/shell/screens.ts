// The screens other than the intake, each in its own chunk: the desk opens on
// the intake form, which should not wait for the code of every other screen.
// Once the intake is up they are fetched in the background, so switching
// screens does not wait either.
import { lazy } from 'react';

const loaders = {
  tickets: () => import('../tickets/TicketsScreen').then((m) => ({ default: m.TicketsScreen })),
  collection: () => import('../collection/CollectionScreen').then((m) => ({ default: m.CollectionScreen })),
  settings: () => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
  stock: () => import('../stock/StockScreen').then((m) => ({ default: m.StockScreen })),
  customers: () => import('../customers/CustomersScreen').then((m) => ({ default: m.CustomersScreen })),
  figures: () => import('../figures/FiguresScreen').then((m) => ({ default: m.FiguresScreen })),
};

export const TicketsScreen = lazy(loaders.tickets);
export const CollectionScreen = lazy(loaders.collection);
export const SettingsScreen = lazy(loaders.settings);
export const StockScreen = lazy(loaders.stock);
export const CustomersScreen = lazy(loaders.customers);
export const FiguresScreen = lazy(loaders.figures);

/** Fetches every lazy screen's code when the page is idle. */
export function preloadScreens(): void {
  const load = () => Object.values(loaders).forEach((loader) => void loader());
  if ('requestIdleCallback' in window) window.requestIdleCallback(load);
  else setTimeout(load, 200);
}
