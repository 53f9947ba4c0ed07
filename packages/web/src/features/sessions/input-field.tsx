/** The sessions forms' date-time and number inputs: the shared TextField covers them. */
export { TextField as InputField } from "../../components/fields";
