import {describeAxe} from './axe-scheme.js'

describeAxe('light')
