package org.tandem.content.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseVariables;

@Component("assembleContext")
class AssembleContextDelegate implements JavaDelegate {

    private final ContextAssembler assembler;

    AssembleContextDelegate(ContextAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assembler.assemble(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue());
    }
}
