export function App() {
  return <h1>Repair Desk</h1>;
}
