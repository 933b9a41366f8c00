package org.tandem.content;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * A request names its member unless its use case concerns none (the AMI assistant). Checked with
 * the other fields, so the adviser sees every missing field at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MemberWhenRequired.Validator.class)
@interface MemberWhenRequired {

    String message() default "Choisissez le sociétaire concerné.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MemberWhenRequired, NewCaseRequest> {

        private final UseCaseCatalog useCases;

        Validator(UseCaseCatalog useCases) {
            this.useCases = useCases;
        }

        @Override
        public boolean isValid(NewCaseRequest request, ConstraintValidatorContext context) {
            if (request.memberId() != null && !request.memberId().isBlank()) {
                return true;
            }
            // an unknown use case is reported on its own field
            boolean required = request.useCaseKey() == null
                    || useCases.find(request.useCaseKey())
                            .map(u -> u.requiresMember())
                            .orElse(true);
            if (!required) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("memberId")
                    .addConstraintViolation();
            return false;
        }
    }
}
