export * from './types';
export { printArchiveDir, listArchivedPrints, type ArchivedPrint } from './archive';
export { createCupsBackend, type CupsBackendOptions } from './cups-backend';
export { createWindowsBackend, type WindowsBackendOptions } from './windows-backend';
export { createDirectoryBackend, DIRECTORY_PRINTER, type DirectoryBackendOptions, type DirectoryJobRecord } from './directory-backend';
export { createPrintService, pickBackend, type PrintRequest, type ReprintRequest, type PrintService, type PrintServiceOptions } from './print-service';
