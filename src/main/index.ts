// placeholder: the Electron shell entry
export {};
