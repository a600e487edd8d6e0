import { floorConfig } from './config'

/** The floor: Next's defaults and nothing else (bench/floor/config.ts). */
export default floorConfig([])
