// react-esm.mjs has React's own types.
import React from 'react';
export default React;
export * from 'react';
