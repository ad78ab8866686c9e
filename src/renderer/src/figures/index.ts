// What other screens may use of the figures: Settings holds the shop calendar, the float and where closes and reports print.
export { FiguresSettings } from './FiguresSettings';
