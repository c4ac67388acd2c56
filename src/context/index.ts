export {agentSessionContext, type AgentSession} from './agent-session.js';
export {interactionContext, type Interaction, type Disposition} from './interaction.js';
